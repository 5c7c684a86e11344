module "example.com/\x65scape"

require "example.com/\u0061" v1.0.0

replace example.com/\u0061 => "./\u00e9t\u00e9"

replace example.com/b => "./a\tb"

replace example.com/c => "./\U0001F600"

replace example.com/d => "./\377bytes"
