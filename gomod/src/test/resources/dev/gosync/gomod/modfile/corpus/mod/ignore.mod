module example.com/ignore

go 1.25

ignore ./node_modules

ignore (
	./static
	"./node_modules" // duplicate, dropped
	build/output
)
