module example.com/one

// before require block
require ( // open
	// before the only line
	example.com/a v1.0.0 // the line
) // close

exclude (
	example.com/b v1.0.0
)

godebug (
	panicnil=1
)

tool (
	example.com/cmd/tool
)

retract (
	// why: broken
	v1.0.1
)
