// Deprecated: block form module.
module (
	example.com/blockmod
)

go 1.21
