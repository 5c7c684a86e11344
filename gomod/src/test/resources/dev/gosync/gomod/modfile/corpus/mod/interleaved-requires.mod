module example.com/inter

require example.com/one v1.0.0

exclude example.com/two v1.0.0

require (
	example.com/three v1.0.0
)

require example.com/four v1.0.0

require (
	example.com/six v1.0.0
	example.com/five v1.0.0
)
