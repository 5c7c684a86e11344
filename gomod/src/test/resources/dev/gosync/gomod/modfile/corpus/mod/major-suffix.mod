module example.com/m/v3

require (
	example.com/x/v2 v2.3.4
	example.com/y v3.0.0+incompatible
	example.com/z/v10 v10.0.0
)
