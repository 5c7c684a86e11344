module example.com/xl

go 1.20

exclude (
	example.com/a v1.10.0
	example.com/a v1.9.0
	example.com/a v1.2.0
	example.com/a v1.2.0-pre
	example.com/b v0.1.0
)
