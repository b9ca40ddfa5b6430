package interp_test

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"

	"github.com/asyncrun/asyncrun/interp"
)

// A script reaches the network, programs and files only where the host
// grants it; elsewhere it gets a PermissionError naming the CLI flag that
// grants the same. Here it may listen and connect on 127.0.0.1 (an echo
// server and its client in one script) and read one folder, but not write.
func Example_permissions() {
	dir, _ := os.MkdirTemp("", "example")
	defer os.RemoveAll(dir)
	os.WriteFile(filepath.Join(dir, "greeting.txt"), []byte("hello\n"), 0o644)
	it := interp.New(interp.Options{
		Stdout:    os.Stdout,
		AllowNet:  []string{"127.0.0.1"}, // this host only, any port
		AllowRead: []string{dir},         // files in dir; AllowWrite stays nil: no writing
		Args:      []string{"echo.star", filepath.Join(dir, "greeting.txt")},
	})
	defer it.Close() // closes what the script left open, kills its children
	_, err := it.ExecFile(context.Background(), "echo.star", `
def echo(reader, writer):
    writer.write(await_(reader.readline()))
    writer.close()
echo = asyncio.coroutine(echo)

def main():
    line = with_(open(sys.argv[1]), lambda f: f.readline())
    server = await_(asyncio.start_server(echo, "127.0.0.1", 0))
    reader, writer = await_(asyncio.open_connection("127.0.0.1", server.sockets[0].getsockname()[1]))
    writer.write(bytes(line))
    print("echoed:", str(await_(reader.readline())).strip())
    writer.close()
    server.close()
    try_(lambda: open(sys.argv[1], "a"), except_={PermissionError: lambda e: print(str(e).replace(sys.argv[1], "greeting.txt"))})
    await_(asyncio.open_connection("example.com", 80))
main = asyncio.coroutine(main)
asyncio.run(main())
`)
	var exc *interp.Exception
	if errors.As(err, &exc) {
		fmt.Println(exc.Type+":", exc.Message)
	}
	// Output:
	// echoed: hello
	// open('greeting.txt', 'a'): writing files is not granted; run with -allow-write
	// PermissionError: open_connection('example.com', 80): network access to example.com:80 is not granted; add example.com:80 to -allow-net
}
