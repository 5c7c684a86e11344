module example.com/m

require exa"mple.com/a v1.0.0
