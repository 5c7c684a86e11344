module example.com/debug

go 1.23

godebug default=go1.21

godebug (
	http2client=0
	panicnil=1
	=empty-key
	key=
)

godebug x509sha1=1
