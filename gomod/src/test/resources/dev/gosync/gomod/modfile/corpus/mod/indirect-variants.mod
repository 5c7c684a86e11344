module example.com/ind

require (
	example.com/a v1.0.0 //indirect
	example.com/b v1.0.0 // indirect; needed by tests
	example.com/c v1.0.0 // indirect ; not quite
	example.com/d v1.0.0 // Indirect
	example.com/e v1.0.0 // indirect;
	example.com/f v1.0.0 //   indirect
)
