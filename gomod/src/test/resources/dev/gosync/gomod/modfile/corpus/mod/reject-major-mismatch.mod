module example.com/m

require example.com/a/v2 v1.0.0
