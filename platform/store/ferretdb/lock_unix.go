//go:build unix

package main

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"syscall"
)

const lockFileName = "ferretdb-hub.lock"

// lockDataDir takes an exclusive flock on a pid file in dir for the life of the process.
// The kernel drops the lock when the process dies, however abruptly, so a file left by a
// dead store is simply taken over and a live store is never mistaken for a dead one.
func lockDataDir(dir string) (release func(), err error) {
	path := filepath.Join(dir, lockFileName)

	for {
		f, err := os.OpenFile(path, os.O_RDWR|os.O_CREATE, 0o644)
		if err != nil {
			return nil, fmt.Errorf("cannot create lock file in data folder %s: %w", dir, err)
		}

		if err = syscall.Flock(int(f.Fd()), syscall.LOCK_EX|syscall.LOCK_NB); err != nil {
			f.Close()
			if errors.Is(err, syscall.EWOULDBLOCK) {
				owner, _ := os.ReadFile(path)
				pid := strings.TrimSpace(string(owner))
				if pid == "" {
					pid = "unknown"
				}
				return nil, fmt.Errorf("data folder %s is in use by another store (pid %s)", dir, pid)
			}
			return nil, fmt.Errorf("cannot lock data folder %s: %w", dir, err)
		}

		// A store that was stopping may have removed the file between our open and our
		// flock; then we hold a lock on a deleted file that nobody else can see. Start over.
		held, err1 := f.Stat()
		current, err2 := os.Stat(path)
		if err1 != nil || err2 != nil || !os.SameFile(held, current) {
			f.Close()
			continue
		}

		if err = f.Truncate(0); err == nil {
			_, err = fmt.Fprintf(f, "%d\n", os.Getpid())
		}
		if err != nil {
			f.Close()
			return nil, fmt.Errorf("cannot write lock file in data folder %s: %w", dir, err)
		}

		return func() {
			// Remove before unlocking, so a waiting store never locks a file about to vanish.
			_ = os.Remove(path)
			_ = f.Close()
		}, nil
	}
}
