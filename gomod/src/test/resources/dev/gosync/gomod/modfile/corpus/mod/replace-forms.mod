module example.com/replaces

replace example.com/a => ./a

replace example.com/b => ../b

replace example.com/c => /abs/c

replace example.com/d v1.0.0 => example.com/d2 v1.0.1

replace example.com/e => example.com/e2 v1.0.0

replace example.com/f => .

replace example.com/g => ..

replace example.com/h => C:/windows/h

replace example.com/i/v2 v2.0.0 => example.com/i v1.0.0
