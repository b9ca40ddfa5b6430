package repl_test

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/asyncrun/asyncrun/repl"
)

// TestDocTranscripts types the sessions of doc/repl.md (the blocks fenced
// as ```repl) into a REPL and checks that it prints each line the
// transcript shows: a line after ">>> " or "... " is typed (a bare "..."
// is an empty line), a "$ asyncrun" line and the banner are skipped, and
// every other line is output that must appear, in order.
func TestDocTranscripts(t *testing.T) {
	data, err := os.ReadFile(filepath.Join("..", "doc", "repl.md"))
	if err != nil {
		t.Fatal(err)
	}
	var transcripts [][]string
	var cur []string
	in := false
	for _, line := range strings.Split(string(data), "\n") {
		switch {
		case line == "```repl":
			in, cur = true, nil
		case in && line == "```":
			in = false
			transcripts = append(transcripts, cur)
		case in:
			cur = append(cur, line)
		}
	}
	if len(transcripts) < 3 {
		t.Fatalf("found %d transcripts in doc/repl.md", len(transcripts))
	}
	for i, lines := range transcripts {
		t.Run(fmt.Sprintf("transcript%d", i+1), func(t *testing.T) {
			tm := start(t, repl.Config{})
			started := false
			for _, line := range lines {
				input, typed := strings.CutPrefix(line, ">>> ")
				if !typed && line == "..." {
					input, typed = "", true
				} else if !typed {
					input, typed = strings.CutPrefix(line, "... ")
				}
				switch {
				case typed:
					started = true
					tm.send(input + "\r")
					if input != "" {
						tm.expect(input) // its echo
					}
				case started && line != "":
					tm.expect(line)
				}
			}
			tm.exit()
		})
	}
}
