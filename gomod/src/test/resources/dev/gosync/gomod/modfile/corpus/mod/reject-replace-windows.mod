module example.com/m

replace example.com/a => .\b
