module example.com/m

require example.com/a v1.2.x
