package interp_test

import (
	"bytes"
	"context"
	"errors"
	"os/exec"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/asyncrun/asyncrun/interp"
	"go.uber.org/goleak"
)

// needProgs skips t unless the programs are on the PATH.
func needProgs(t *testing.T, progs ...string) {
	t.Helper()
	for _, p := range progs {
		if _, err := exec.LookPath(p); err != nil {
			t.Skipf("%s is not on the PATH: skipped", p)
		}
	}
}

// leftOpen is a script that leaves a server, a connection and a process
// running; it prints the child's pid.
const leftOpen = `
def serve(reader, writer):
    await_(reader.read())
serve = asyncio.coroutine(serve)
def main():
    server = await_(asyncio.start_server(serve, "127.0.0.1", 0))
    reader, writer = await_(asyncio.open_connection("127.0.0.1", server.sockets[0].getsockname()[1]))
    writer.write(b"unfinished")
    p = await_(asyncio.create_subprocess_shell("sleep 30 & sleep 30", stdout=asyncio.subprocess.PIPE))
    print(p.pid)
main = asyncio.coroutine(main)
asyncio.run(main())
`

// TestCloseLeavesNothing: what a script left open (a server, a
// connection, a child process and the process it started) is closed,
// killed and reaped by Close; no goroutine is left.
func TestCloseLeavesNothing(t *testing.T) {
	needProgs(t, "sh", "sleep")
	defer goleak.VerifyNone(t)
	var out bytes.Buffer
	it := interp.New(interp.Options{Stdout: &out, Stderr: &bytes.Buffer{}, AllowNet: []string{"127.0.0.1"}, AllowRun: []string{"sh"}})
	if _, err := it.ExecFile(context.Background(), "open.star", leftOpen); err != nil {
		t.Fatal(err)
	}
	pid, _ := strconv.Atoi(strings.TrimSpace(out.String()))
	if pid <= 0 {
		t.Fatalf("no pid: %q", out.String())
	}
	it.Close()
	waitGroupGone(t, pid)
}

// waitGroupGone fails t unless process group pid is gone within 2 s
// (init reaps the killed grandchild a little later).
func waitGroupGone(t *testing.T, pid int) {
	t.Helper()
	var err error
	for range 100 {
		if err = signalPid(-pid, 0); errors.Is(err, syscall.ESRCH) {
			return
		}
		time.Sleep(20 * time.Millisecond)
	}
	t.Errorf("process group %d is still there after Close (kill -0: %v)", pid, err)
}

// TestCancelClosesIO: cancelling the context of ExecFile while a script
// waits on I/O ends the run and closes what the script opened.
func TestCancelClosesIO(t *testing.T) {
	needProgs(t, "sleep")
	defer goleak.VerifyNone(t)
	ctx, cancel := context.WithCancel(context.Background())
	// Cancel once the script has printed the child's pid, so the child
	// is surely running (and waited on) when the run is cancelled.
	out := &cancelOnWrite{cancel: cancel}
	it := interp.New(interp.Options{Stdout: out, AllowRun: []string{}})
	defer it.Close()
	_, err := it.ExecFile(ctx, "wait.star", `
p = await_(asyncio.create_subprocess_exec("sleep", "30"))
print(p.pid)
await_(p.wait())
`)
	if !errors.Is(err, context.Canceled) {
		t.Fatalf("got %v, want context.Canceled", err)
	}
	pid, _ := strconv.Atoi(strings.TrimSpace(out.String()))
	if pid <= 0 {
		t.Fatalf("no pid: %q", out.String())
	}
	waitGroupGone(t, pid)
}

// cancelOnWrite is a script's stdout that calls cancel after each write.
type cancelOnWrite struct {
	bytes.Buffer
	cancel context.CancelFunc
}

func (w *cancelOnWrite) Write(p []byte) (int, error) {
	n, err := w.Buffer.Write(p)
	w.cancel()
	return n, err
}

// TestPermissionsDenied: each kind of access is denied by default with a
// PermissionError naming the flag, and no grant implies another.
func TestPermissionsDenied(t *testing.T) {
	for _, tc := range []struct {
		opts interp.Options
		src  string
		want string
	}{
		{interp.Options{}, `asyncio.run(asyncio.open_connection("example.com", 80))`,
			"PermissionError: open_connection('example.com', 80): network access is not granted; run with -allow-net"},
		{interp.Options{AllowRun: []string{}, AllowRead: []string{}, AllowWrite: []string{}}, `asyncio.run(asyncio.start_server(print, "127.0.0.1", 8080))`,
			"PermissionError: start_server('127.0.0.1', 8080): network access is not granted; run with -allow-net"},
		{interp.Options{AllowNet: []string{}}, `asyncio.run(asyncio.create_subprocess_exec("ls"))`,
			"PermissionError: create_subprocess_exec('ls'): running programs is not granted; run with -allow-run"},
		{interp.Options{AllowNet: []string{}}, `asyncio.run(asyncio.create_subprocess_shell("ls"))`,
			"PermissionError: create_subprocess_shell('ls'): running programs is not granted; run with -allow-run"},
		{interp.Options{AllowWrite: []string{}}, `open("x.txt")`,
			"PermissionError: open('x.txt'): reading files is not granted; run with -allow-read"},
		{interp.Options{AllowRead: []string{}}, `open("x.txt", "w")`,
			"PermissionError: open('x.txt', 'w'): writing files is not granted; run with -allow-write"},
		{interp.Options{AllowRead: []string{}}, `open("x.txt", "ab")`,
			"PermissionError: open('x.txt', 'ab'): writing files is not granted; run with -allow-write"},
		{interp.Options{AllowRun: []string{"cat"}}, `asyncio.run(asyncio.create_subprocess_shell("ls"))`,
			"PermissionError: create_subprocess_shell('ls'): running sh (the shell) is not granted; add sh to -allow-run"},
		{interp.Options{AllowNet: []string{"localhost:8080"}}, `asyncio.run(asyncio.open_connection("localhost", 8081))`,
			"PermissionError: open_connection('localhost', 8081): network access to localhost:8081 is not granted; add localhost:8081 to -allow-net"},
	} {
		tc.opts.Stdout, tc.opts.Stderr = &bytes.Buffer{}, &bytes.Buffer{}
		it := interp.New(tc.opts)
		_, err := it.ExecFile(context.Background(), "p.star", tc.src)
		it.Close()
		var exc *interp.Exception
		if !errors.As(err, &exc) || err.Error() != tc.want || exc.Type != "PermissionError" {
			t.Errorf("%s:\ngot  %v\nwant %s", tc.src, err, tc.want)
		}
	}
}

// TestCancelledReadKeepsStream: a task cancelled while it waits in
// readline over a socket leaves the stream usable: the data that comes
// next is read whole.
func TestCancelledReadKeepsStream(t *testing.T) {
	var out bytes.Buffer
	it := interp.New(interp.Options{Stdout: &out, VirtualTime: true, AllowNet: []string{"127.0.0.1"}})
	defer it.Close()
	_, err := it.ExecFile(context.Background(), "c.star", `
def serve(reader, writer):
    await_(reader.readline())
    writer.write(b"first ")
    await_(writer.drain())
    await_(reader.readline())
    writer.write(b"half\nsecond\n")
    writer.close()
serve = asyncio.coroutine(serve)
def main():
    server = await_(asyncio.start_server(serve, "127.0.0.1", 0))
    reader, writer = await_(asyncio.open_connection("127.0.0.1", server.sockets[0].getsockname()[1]))
    writer.write(b"go\n")
    t = asyncio.create_task(reader.readline())
    try_(lambda: await_(asyncio.wait_for(t, 0.1)), except_={TimeoutError: lambda e: print("timed out; cancelled:", t.cancelled())})
    writer.write(b"more\n")
    print(str(await_(reader.readline())).strip(), "|", str(await_(reader.readline())).strip(), "|", await_(reader.read()) == b"")
    writer.close()
    server.close()
main = asyncio.coroutine(main)
asyncio.run(main())
`)
	if err != nil {
		t.Fatal(err)
	}
	if got, want := out.String(), "timed out; cancelled: True\nfirst half | second | True\n"; got != want {
		t.Errorf("got %q, want %q", got, want)
	}
}
