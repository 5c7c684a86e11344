module example.com/tools

go 1.24

tool example.com/cmd/b

tool (
	example.com/cmd/a
	example.com/cmd/b // duplicate, dropped
	"example.com/cmd/c"
)

require example.com/cmd v1.0.0
