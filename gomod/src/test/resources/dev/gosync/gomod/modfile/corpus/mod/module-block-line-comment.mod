module (
	// Deprecated: on the line inside the block.
	example.com/blockmod2
)
