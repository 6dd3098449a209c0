@echo off
rem Upstander Teacher: double-click to start the classroom server and open the teacher's
rem page in the default browser, signed in with the one-time link the server prints. Close this window (or press Ctrl+C) to stop the server.
rem Students on the same network open the address printed below.
title Upstander Teacher
cd /d "%~dp0"
"%~dp0upstander-teacher.exe" serve --port 8080 --content content --open
if errorlevel 1 (
  echo.
  echo The server did not start: see the message above.
  pause
)
