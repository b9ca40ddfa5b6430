package main

import (
	"bufio"
	"context"
	"os"
	"os/exec"
	"slices"
	"strings"
	"testing"
)

// TestMain runs this test binary as the CLI itself, as main does, when
// cliCommand re-executes it: the tests of signals, exit statuses and what a
// run leaves behind need the CLI as a process of its own.
func TestMain(m *testing.M) {
	if os.Getenv("ASYNCRUN_CLI_CHILD") == "1" {
		i := slices.Index(os.Args, "--")
		os.Exit(runContained(os.Args[i+1:]))
	}
	os.Exit(m.Run())
}

// startCLI starts the CLI with args as a process of its own (see
// cliCommand), killed when ctx ends, and returns it with a reader of its
// standard output and what it writes to standard error.
func startCLI(t *testing.T, ctx context.Context, args ...string) (*exec.Cmd, *bufio.Reader, *strings.Builder) {
	t.Helper()
	cmd := cliCommand(ctx, args...)
	stderr := &strings.Builder{}
	cmd.Stderr = stderr
	out, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	return cmd, bufio.NewReader(out), stderr
}

// cliCommand returns the command that runs the CLI with args as a process
// of its own (this test binary; see TestMain), killed when ctx ends.
func cliCommand(ctx context.Context, args ...string) *exec.Cmd {
	cmd := exec.CommandContext(ctx, os.Args[0], append([]string{"--"}, args...)...)
	cmd.Env = append(os.Environ(), "ASYNCRUN_CLI_CHILD=1")
	return cmd
}
