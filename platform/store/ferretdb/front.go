package main

// The front: the TCP listener clients connect to, relaying every message to FerretDB over a
// private Unix socket and holding one lock around each write command.
//
// Why: FerretDB 1.x applies an update by reading the document and writing it back, with nothing
// in between to stop a second writer (internal/handler/msg_update.go: a query, then
// common.UpdateDocument). Two concurrent `$inc`s on one document both read 0 and both write 1;
// two updates of different fields of one document each write back the other's old value. Every
// client of the store is exposed, not only the hub's subgraphs, so the fix belongs here, in the
// one process every client talks to: writes pass one at a time, reads stay concurrent.
//
// The relay stays simple because FerretDB answers every request with exactly one reply on the
// same connection, in order (internal/clientconn/conn.go): a request is read whole, forwarded,
// and its reply read whole and passed back before the next request on that connection is read.

import (
	"bufio"
	"context"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net"
	"strings"
	"sync"
)

const (
	// The wire protocol's header: messageLength, requestID, responseTo, opCode (int32 each, little-endian).
	headerSize = 16
	opMsg      = 2013
	// MongoDB's maxMessageSizeBytes is 48 MB; anything larger is not a message.
	maxMessageSize = 48_000_000
	// OP_MSG flag: a CRC-32C checksum follows the sections.
	checksumPresent = 1 << 0
)

// writeCommands are the commands that change data or collections, lower-cased (MongoDB accepts
// both findAndModify and findandmodify). DDL is included because FerretDB's SQLite backend has
// been seen to hang on concurrent collection creation in a fresh database.
var writeCommands = map[string]bool{
	"insert": true, "update": true, "delete": true, "findandmodify": true, "bulkwrite": true,
	"create": true, "drop": true, "dropdatabase": true, "createindexes": true, "dropindexes": true,
	"renamecollection": true, "collmod": true,
}

// front accepts client connections and relays each to the backend.
type front struct {
	listener net.Listener
	dial     func() (net.Conn, error)
	writes   sync.Mutex
	log      *slog.Logger

	mu    sync.Mutex
	conns map[net.Conn]struct{}
	wg    sync.WaitGroup
}

// serve relays connections until ctx is done, then closes the listener and every connection.
func (f *front) serve(ctx context.Context) {
	f.conns = map[net.Conn]struct{}{}
	go func() {
		<-ctx.Done()
		_ = f.listener.Close()
		f.mu.Lock()
		for c := range f.conns {
			_ = c.Close()
		}
		f.mu.Unlock()
	}()

	for {
		client, err := f.listener.Accept()
		if err != nil {
			if ctx.Err() == nil {
				f.log.Error("store front stopped accepting connections", slog.String("error", err.Error()))
			}
			break
		}
		f.wg.Add(1)
		go func() {
			defer f.wg.Done()
			f.relay(client)
		}()
	}
	f.wg.Wait()
}

func (f *front) track(c net.Conn, add bool) {
	f.mu.Lock()
	defer f.mu.Unlock()
	if add {
		f.conns[c] = struct{}{}
	} else {
		delete(f.conns, c)
	}
}

// relay carries one client connection: request, reply, request, reply, until either side closes.
func (f *front) relay(client net.Conn) {
	defer client.Close()
	backend, err := f.dial()
	if err != nil {
		f.log.Error("cannot reach FerretDB behind the store front", slog.String("error", err.Error()))
		return
	}
	defer backend.Close()
	f.track(client, true)
	f.track(backend, true)
	defer f.track(client, false)
	defer f.track(backend, false)

	fromClient := bufio.NewReaderSize(client, 64<<10)
	fromBackend := bufio.NewReaderSize(backend, 64<<10)
	for {
		request, err := readMessage(fromClient)
		if err != nil {
			if !errors.Is(err, io.EOF) && !errors.Is(err, net.ErrClosed) {
				f.log.Debug("client connection ended", slog.String("error", err.Error()))
			}
			return
		}
		if err := f.roundTrip(request, backend, fromBackend, client); err != nil {
			f.log.Debug("connection ended mid-request", slog.String("error", err.Error()))
			return
		}
	}
}

// roundTrip forwards one request and passes its reply back, one write command at a time.
func (f *front) roundTrip(request []byte, backend net.Conn, fromBackend *bufio.Reader, client net.Conn) error {
	if writeCommands[strings.ToLower(commandName(request))] {
		f.writes.Lock()
		defer f.writes.Unlock()
	}
	if _, err := backend.Write(request); err != nil {
		return fmt.Errorf("forwarding to FerretDB: %w", err)
	}
	reply, err := readMessage(fromBackend)
	if err != nil {
		return fmt.Errorf("reading FerretDB's reply: %w", err)
	}
	if _, err := client.Write(reply); err != nil {
		return fmt.Errorf("replying to the client: %w", err)
	}
	return nil
}

// readMessage reads one whole wire-protocol message, header included.
func readMessage(r *bufio.Reader) ([]byte, error) {
	var size [4]byte
	if _, err := io.ReadFull(r, size[:]); err != nil {
		return nil, err
	}
	length := int(int32(binary.LittleEndian.Uint32(size[:])))
	if length < headerSize || length > maxMessageSize {
		return nil, fmt.Errorf("message length %d is not between %d and %d bytes", length, headerSize, maxMessageSize)
	}
	message := make([]byte, length)
	copy(message, size[:])
	if _, err := io.ReadFull(r, message[4:]); err != nil {
		return nil, err
	}
	return message, nil
}

// commandName is the first key of an OP_MSG's body section (the command, e.g. "update"), or ""
// for anything else (legacy opcodes, which the drivers use only for the handshake).
func commandName(message []byte) string {
	if len(message) < headerSize+4 || int32(binary.LittleEndian.Uint32(message[12:16])) != opMsg {
		return ""
	}
	flags := binary.LittleEndian.Uint32(message[headerSize : headerSize+4])
	end := len(message)
	if flags&checksumPresent != 0 {
		end -= 4
	}
	for at := headerSize + 4; at < end; {
		kind := message[at]
		at++
		switch kind {
		case 0: // the body: one BSON document whose first element names the command
			if at+5 > end {
				return ""
			}
			at += 4 // the document's length
			if message[at] == 0 {
				return "" // an empty document
			}
			at++ // the element's type
			nameEnd := at
			for nameEnd < end && message[nameEnd] != 0 {
				nameEnd++
			}
			return string(message[at:nameEnd])
		case 1: // a document sequence (e.g. the documents of an insert): skip it
			if at+4 > end {
				return ""
			}
			size := int(int32(binary.LittleEndian.Uint32(message[at : at+4])))
			if size < 4 {
				return ""
			}
			at += size
		default:
			return ""
		}
	}
	return ""
}
