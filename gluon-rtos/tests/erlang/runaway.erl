%% Under `gluon run --max-memory`, a process that allocates without bound
%% is killed when the VM's budget cannot hold its heap; its monitor sees
%% `killed` and the other processes keep working.
-module(runaway).
-export([start/0]).

hog(Acc) -> hog([lists:seq(1, 100) | Acc]).

echo() ->
    receive
        {From, N} -> From ! {self(), N * 2}, echo()
    end.

start() ->
    Echo = spawn(fun echo/0),
    {Pid, Ref} = spawn_monitor(fun() -> hog([]) end),
    receive {'DOWN', Ref, process, Pid, Reason} -> io:format("hog: ~p~n", [Reason]) end,
    Echo ! {self(), 21},
    receive {Echo, V} -> io:format("echo: ~p~n", [V]) end,
    %% The memory came back: a second hog gets as far and dies the same way.
    {Pid2, Ref2} = spawn_monitor(fun() -> hog([]) end),
    receive {'DOWN', Ref2, process, Pid2, Reason2} -> io:format("hog: ~p~n", [Reason2]) end,
    Echo ! {self(), 5},
    receive {Echo, V2} -> io:format("echo: ~p~n", [V2]) end.
