module example.com/rationale

// Whole block rationale,
// on two lines.
retract (
	v1.0.0
	v1.0.1
)

// Own rationale above.
retract v1.1.0 // and after

retract (
	// line rationale inside block
	v1.2.0
	v1.2.1
)
