%% A message that arrives during `receive after T`, with T in a register
%% (timer:sleep/1 is `receive after T -> ok end`), wakes the process but
%% must not disturb the wait: the timeout register did not survive the
%% suspension and must not be read again.
-module(receive_after_wakeup).
-export([start/0]).

start() ->
    Self = self(),
    spawn(fun() -> receive after 10 -> Self ! early end end),
    timer:sleep(60),
    io:format("slept: ~p~n", [receive M -> M after 0 -> none end]),
    spawn(fun() -> receive after 10 -> Self ! early end end),
    wait(60),
    io:format("waited: ~p~n", [receive M2 -> M2 after 0 -> none end]),
    %% Waiting for ever, from a register: messages come and go unread.
    P = spawn(fun() -> wait(infinity) end),
    P ! hello,
    P ! again,
    wait(30),
    io:format("waiting for ever: ~p ~p~n",
              [is_process_alive(P), element(2, process_info(P, message_queue_len))]),
    exit(P, kill),
    %% A selective receive with a timeout in a register: other messages
    %% arrive and stay; the wait still ends on time.
    Q = spawn(fun() -> Self ! {done, select(40)} end),
    Q ! noise,
    Q ! more_noise,
    receive {done, R} -> io:format("select: ~p~n", [R]) end.

wait(T) -> receive after T -> ok end.

select(T) ->
    receive
        wanted -> wanted
    after T ->
        {timeout, element(2, process_info(self(), message_queue_len))}
    end.
