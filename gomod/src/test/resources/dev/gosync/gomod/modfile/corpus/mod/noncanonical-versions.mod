module example.com/versions

go 1.21

require (
	example.com/a v1
	example.com/b v1.2
	example.com/c v1.2.3+meta
	example.com/d v2.0.0+incompatible
	example.com/e/v2 v2
	example.com/f v1.0.0-rc.1+build.5
)

exclude example.com/a v1.1

replace example.com/b v1.2 => example.com/b2 v1.3

retract v1.2
