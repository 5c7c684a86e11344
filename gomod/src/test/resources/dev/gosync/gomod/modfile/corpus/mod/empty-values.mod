module ""

godebug =x

require "" v1.0.0

exclude "" v1.0.0

replace "" => ./x

replace "" v1.0.0 => ./y

retract ""

retract ["", v1.0.0]

tool ""

ignore ""
