module example.com/gopkg

require (
	gopkg.in/yaml.v2 v2.4.0
	gopkg.in/check.v1 v0.0.0-20161208181325-20d25e280405
	gopkg.in/yaml.v3 v3.0.1
	gopkg.in/src-d/go-git.v4 v4.13.1
)
