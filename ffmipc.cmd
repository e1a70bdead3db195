@echo off
rem ffmipc.cmd: the ffmipc command on Windows, as ./ffmipc is elsewhere. Builds the command's jar
rem when it is missing or older than the sources, then runs it on a JDK 25 or newer.
rem Usage: ffmipc.cmd tour ^| ffmipc.cmd --help
setlocal EnableExtensions
set "ROOT=%~dp0"
set "JAR=%ROOT%cli\target\ffmipc.jar"
set "MIN=25"

rem A java launcher: JAVA_HOME's first, else the first on the PATH.
set "JAVA="
if defined JAVA_HOME if exist "%JAVA_HOME%\bin\java.exe" set "JAVA=%JAVA_HOME%\bin\java.exe"
if not defined JAVA for %%J in (java.exe) do set "JAVA=%%~$PATH:J"
if not defined JAVA goto nojava

rem Its feature release: 25 for "java.specification.version = 25".
set "FEATURE="
for /f "tokens=2 delims==" %%V in ('call "%JAVA%" -XshowSettings:properties -version 2^>^&1 ^| findstr /c:"java.specification.version"') do set "FEATURE=%%V"
if not defined FEATURE goto nojava
set "FEATURE=%FEATURE: =%"
for /f "delims=." %%F in ("%FEATURE%") do set "FEATURE=%%F"
if %FEATURE% LSS %MIN% goto oldjava

rem Rebuild when the jar is missing or a POM or main source is newer than it (PowerShell compares the times).
if not exist "%JAR%" goto build
powershell -NoProfile -NonInteractive -Command "$jar = (Get-Item -LiteralPath $env:JAR).LastWriteTimeUtc; $newer = Get-ChildItem -LiteralPath $env:ROOT -Recurse -File -ErrorAction SilentlyContinue | Where-Object { $_.FullName -notlike '*\.git\*' -and $_.FullName -notlike '*\target\*' -and ($_.Name -eq 'pom.xml' -or $_.FullName -like '*\src\main\*') -and $_.LastWriteTimeUtc -gt $jar } | Select-Object -First 1; if ($newer) { exit 1 } else { exit 0 }"
if errorlevel 1 goto build
goto run

:build
set "MVN="
for %%M in (mvn.cmd mvn.bat) do if not defined MVN set "MVN=%%~$PATH:M"
if not defined MVN goto nomaven
rem One line says what the wait is for; Maven's output goes to a log, shown only if the build fails.
echo ffmipc: building the command's jar with Maven - first use, or the sources changed; about a minute ... 1>&2
set "LOG=%TEMP%\ffmipc-build-%RANDOM%.log"
pushd "%ROOT%"
call "%MVN%" -B -ntp -DskipTests package > "%LOG%" 2>&1
set "BUILT=%ERRORLEVEL%"
popd
if not "%BUILT%"=="0" (
    type "%LOG%" 1>&2
    echo ffmipc: the build failed - mvn -B -ntp -DskipTests package in %ROOT%; its output is above and in %LOG% 1>&2
    exit /b 1
)
del "%LOG%" >nul 2>&1

:run
"%JAVA%" -jar "%JAR%" %*
exit /b %ERRORLEVEL%

:nojava
echo ffmipc: no JDK %MIN% or newer found - looked at JAVA_HOME and java.exe on the PATH. 1>&2
echo ffmipc: install one, for example Temurin %MIN%, or set JAVA_HOME to it. 1>&2
exit /b 1

:oldjava
echo ffmipc: %JAVA% is Java %FEATURE%; ffmipc needs %MIN% or newer. Set JAVA_HOME to a JDK %MIN%. 1>&2
exit /b 1

:nomaven
echo ffmipc: %JAR% must be built, and Maven (mvn) is not on the PATH. 1>&2
exit /b 1
