module example.com/app

go 1.22.0

toolchain go1.22.4

require (
	github.com/google/uuid v1.6.0
	golang.org/x/mod v0.17.0
)

require (
	github.com/davecgh/go-spew v1.1.1 // indirect
	golang.org/x/sys v0.20.0 // indirect
)

replace golang.org/x/sys => golang.org/x/sys v0.19.0

exclude github.com/google/uuid v1.5.0
