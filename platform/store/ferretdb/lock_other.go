//go:build !unix

package main

import (
	"fmt"
	"os"
	"path/filepath"
)

// lockDataDir only records the pid where flock is unavailable (Windows): there, nothing
// stops two stores from sharing a folder. The hub targets Unix; this keeps the build working.
func lockDataDir(dir string) (release func(), err error) {
	path := filepath.Join(dir, "ferretdb-hub.lock")
	if err := os.WriteFile(path, []byte(fmt.Sprintf("%d\n", os.Getpid())), 0o644); err != nil {
		return nil, fmt.Errorf("cannot write lock file in data folder %s: %w", dir, err)
	}
	return func() { _ = os.Remove(path) }, nil
}
