module "example.com/quoted"

require "example.com/a" "v1.0.0"

require (
	"example.com/b" v1.1.0
	example.com/c "v1.2.0"
)

replace "example.com/a" => "./dir with spaces"

replace "example.com/b" v1.1.0 => "example.com/fork" "v1.1.1"

replace example.com/c => "../tab\there"

tool "example.com/cmd/x"

ignore "./node modules"
