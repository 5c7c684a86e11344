   module    example.com/messy		

		go	1.21

require   (
  example.com/a     v1.0.0
		  example.com/b	v1.0.0   //   spaced   comment
        )
 	
replace	example.com/a	=>	./a
