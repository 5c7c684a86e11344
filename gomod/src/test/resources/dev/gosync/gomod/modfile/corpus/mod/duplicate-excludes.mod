module example.com/dupx

go 1.21

exclude example.com/a v1.0.0 // first
exclude example.com/a v1.0.0 // second, dropped

exclude (
	example.com/b v1.0.0
	example.com/a v1.0.0 // third, dropped
	example.com/b v1.0
)
