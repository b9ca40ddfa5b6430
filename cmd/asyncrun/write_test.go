package main

import (
	"errors"
	"strings"
	"testing"
)

type fullWriter struct{}

func (fullWriter) Write([]byte) (int, error) { return 0, errors.New("no space left on device") }

// TestStdoutWriteError: a failed write of print is an OSError the script
// sees; uncaught, the run ends with status 1, not 0.
func TestStdoutWriteError(t *testing.T) {
	var stderr strings.Builder
	status := run([]string{"-c", "print('x')"}, strings.NewReader(""), fullWriter{}, &stderr)
	if status != 1 || !strings.Contains(stderr.String(), "OSError: no space left on device") {
		t.Errorf("status %d, stderr:\n%s\nwant status 1 and an OSError", status, stderr.String())
	}
}
