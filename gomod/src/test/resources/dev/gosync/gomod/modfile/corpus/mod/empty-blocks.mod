module example.com/empty

require ()

exclude (
)

// about replace
replace (
	// nothing to replace
)

retract ( // nothing retracted
)

go 1.20
