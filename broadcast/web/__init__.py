"""The local web page (`broadcast web`): the officer's month, adding, editing, approving,
building, listening and downloading a bài, the monthly program, settings and the feed, wired
to the same functions the command line uses. Starlette + Jinja2 + a little plain JavaScript;
every asset ships in this package."""
