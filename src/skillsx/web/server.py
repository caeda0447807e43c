"""How ``skillsx serve`` runs uvicorn: limits on what one client can hold or send.

uvicorn's default HTTP parser (httptools) takes request heads of any size and waits for an
unfinished request for ever; with hundreds of such connections open a worker runs out of
file descriptors. So the site runs on h11 with these limits, per worker process:

* a request head (request line and headers) of at most ``MAX_HEAD_BYTES`` (16 KiB): a larger
  one is answered 431 and the connection closed (h11's own limit only applies to a head that
  arrives in pieces, so the protocol measures every head itself);
* a request must arrive whole (head and body) within ``REQUEST_TIMEOUT`` (15 s) of the
  connection opening, or of the client starting it on a kept-alive connection: otherwise the
  connection is closed;
* at most ``MAX_PENDING`` (64) connections that have not yet sent a whole request: a further
  one is closed at once;
* at most ``MAX_CONNECTIONS`` (256) connections and requests in progress: past that a
  request is answered 503;
* an idle kept-alive connection is closed after ``KEEP_ALIVE`` (5 s);
* no ``server`` header and no WebSocket upgrades (the site has none).
"""

from __future__ import annotations

import asyncio
import re
from typing import Any

import h11
from uvicorn.protocols.http.h11_impl import H11Protocol

MAX_HEAD_BYTES = 16 * 1024
REQUEST_TIMEOUT = 15.0
MAX_PENDING = 64
MAX_CONNECTIONS = 256
KEEP_ALIVE = 5

_COMPLETE = (h11.DONE, h11.MUST_CLOSE, h11.CLOSED, h11.ERROR)
_HEAD_END = re.compile(rb"\n\r?\n")
_TOO_LARGE = b"Request head too large: at most %d bytes.\n" % MAX_HEAD_BYTES
TOO_LARGE = (
    b"HTTP/1.1 431 Request Header Fields Too Large\r\n"
    b"content-type: text/plain; charset=utf-8\r\nconnection: close\r\n"
    b"content-length: %d\r\n\r\n%s" % (len(_TOO_LARGE), _TOO_LARGE)
)


class LimitedH11Protocol(H11Protocol):
    """uvicorn's h11 protocol with a deadline for each request and a cap on pending ones.

    A connection is *pending* from when it opens, or from when a new request starts on it,
    until its request has arrived whole. Subclass and change the class attributes to tune.
    """

    request_timeout: float = REQUEST_TIMEOUT
    max_pending: int = MAX_PENDING

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._deadline: asyncio.TimerHandle | None = None
        state = self.server_state
        if not hasattr(state, "skillsx_pending"):
            state.skillsx_pending = set()  # type: ignore[attr-defined]
        self._pending: set[LimitedH11Protocol] = state.skillsx_pending  # type: ignore[attr-defined]

    def connection_made(self, transport: asyncio.Transport) -> None:  # type: ignore[override]
        super().connection_made(transport)
        if len(self._pending) >= self.max_pending:
            self.logger.warning("Closed a connection: %d connections are pending", self.max_pending)
            transport.close()
            return
        self._arm()

    def connection_lost(self, exc: Exception | None) -> None:
        self._disarm()
        super().connection_lost(exc)

    def data_received(self, data: bytes) -> None:
        if self.conn.their_state is h11.IDLE and self._head_too_large(data):
            self._disarm()
            self.transport.write(TOO_LARGE)
            self.transport.close()
            return
        super().data_received(data)
        if self.transport.is_closing() or self.conn.their_state in _COMPLETE:
            self._disarm()
        else:
            self._arm()

    def on_response_complete(self) -> None:
        super().on_response_complete()
        # A pipelined request may have started on the next cycle with part of it buffered.
        if not self.transport.is_closing() and self.conn.their_state not in (h11.IDLE, *_COMPLETE):
            self._arm()

    def _head_too_large(self, data: bytes) -> bool:
        """Whether the request head being received, with ``data``, is over the limit."""
        buffered = self.conn.trailing_data[0]  # under the limit, or it was refused before
        if len(buffered) + len(data) <= MAX_HEAD_BYTES:
            return False
        window = buffered + data[: MAX_HEAD_BYTES + 4]
        end = _HEAD_END.search(window)
        return end is None or end.end() > MAX_HEAD_BYTES

    def _arm(self) -> None:
        if self._deadline is None:
            self._pending.add(self)
            self._deadline = self.loop.call_later(self.request_timeout, self._too_slow)

    def _disarm(self) -> None:
        self._pending.discard(self)
        if self._deadline is not None:
            self._deadline.cancel()
            self._deadline = None

    def _too_slow(self) -> None:
        self._deadline = None
        self._pending.discard(self)
        if not self.transport.is_closing():
            timeout = self.request_timeout
            self.logger.warning("Closed a connection: no whole request in %gs", timeout)
            self.transport.close()


def server_options() -> dict[str, Any]:
    """The keyword arguments of ``uvicorn.run`` / ``uvicorn.Config`` that set the limits."""
    return {
        "http": LimitedH11Protocol,
        "ws": "none",
        "h11_max_incomplete_event_size": MAX_HEAD_BYTES,
        "limit_concurrency": MAX_CONNECTIONS,
        "timeout_keep_alive": KEEP_ALIVE,
        "server_header": False,
    }
