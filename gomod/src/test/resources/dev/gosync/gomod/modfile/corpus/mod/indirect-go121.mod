module example.com/new

go 1.21.0

require example.com/direct v1.0.0

require (
	example.com/z v1.0.0 // indirect
	example.com/a v1.0.0 // indirect
)

require example.com/lonely v1.0.0 // indirect
