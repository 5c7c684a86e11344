module example.com/xrc

go 1.21rc1

exclude (
	example.com/a v1.10.0
	example.com/a v1.9.0
)
