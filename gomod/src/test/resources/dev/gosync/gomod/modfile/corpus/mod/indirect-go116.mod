module example.com/old

go 1.16

require (
	example.com/direct v1.0.0
	example.com/ind v1.0.0 // indirect
	example.com/also v1.1.0
	example.com/more v0.1.0 // indirect
)
