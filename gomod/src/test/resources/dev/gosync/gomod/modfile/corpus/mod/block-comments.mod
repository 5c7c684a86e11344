module example.com/blocks

require (
	// leading comment, first line of the block

	example.com/a v1.0.0

	// a comment after a blank line
	example.com/b v1.0.0


	example.com/c v1.0.0
	// dangling comment before the close

)

exclude (
	example.com/x v1.0.0
	// only a comment below

)
