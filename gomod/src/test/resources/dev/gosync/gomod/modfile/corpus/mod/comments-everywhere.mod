// Header comment for the file.
// Second line of the header.

// A comment block of its own.

// About the module.
module example.com/comments // the module
// Between module and go.
go 1.21 // language version
// Trailing comment block after go.

require example.com/a v1.0.0 // first
// above the block
require ( // on the open paren
	// above b
	example.com/b v1.1.0 // b's own
	// above c
	example.com/c v1.2.0
	// above the close paren
) // on the close paren

// last words
