package main

import (
	"context"
	"os"
	"os/exec"
	"slices"
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

// cliCommand returns the command that runs the CLI with args as a process
// of its own (this test binary; see TestMain), killed when ctx ends.
func cliCommand(ctx context.Context, args ...string) *exec.Cmd {
	cmd := exec.CommandContext(ctx, os.Args[0], append([]string{"--"}, args...)...)
	cmd.Env = append(os.Environ(), "ASYNCRUN_CLI_CHILD=1")
	return cmd
}
