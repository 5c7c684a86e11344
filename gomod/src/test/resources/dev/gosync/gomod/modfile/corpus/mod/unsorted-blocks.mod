module example.com/unsorted

go 1.22

godebug (
	zeta=1
	alpha=0
	middle=2
)

require (
	golang.org/x/text v0.14.0
	github.com/pkg/errors v0.9.1
	github.com/Pkg/errors v0.9.0
	example.com/z v1.0.0
	example.com/a v1.0.0
	example.com/a v0.9.0
)

tool (
	example.com/z/cmd
	example.com/a/cmd
)

ignore (
	./z
	./a
)

replace (
	example.com/z => ./z
	example.com/a v1.0.0 => ./a
	example.com/a => ./aa
)
