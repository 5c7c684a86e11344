module example.com/m

godebug nokey

godebug "a=b"

godebug a=1 b=2
