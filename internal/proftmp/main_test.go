package proftmp

import (
	"context"
	"io"
	"os"
	"testing"

	"github.com/asyncrun/asyncrun/interp"
)

func TestProf(t *testing.T) {
	src, _ := os.ReadFile(os.Getenv("STAR"))
	it := interp.New(interp.Options{Stdout: io.Discard})
	defer it.Close()
	if _, err := it.ExecFile(context.Background(), "w.star", src); err != nil {
		t.Fatal(err)
	}
}
