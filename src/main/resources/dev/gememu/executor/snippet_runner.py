# Runs a snippet the way Gemini's sandbox does: as module code named "<string>", with a traceback
# that starts at the snippet's own frames. Returns None on success, else the formatted error.
import sys
import traceback as _traceback

sys.path.append('/usr/lib/python3/dist-packages')


def _gememu_patch_unicodedata():
    # GraalPy's unicodedata.lookup needs a native module, which the sandbox forbids; sympy calls it
    # on import. name() works, so build the reverse table from the ranges such code asks for.
    # Reading unicodedata.lookup would itself try to load the native module.
    import unicodedata
    table = {}

    def lookup(name):
        if not table:
            for low, high in ((0, 0x3000), (0x1D400, 0x1D800)):
                for code in range(low, high):
                    try:
                        table[unicodedata.name(chr(code))] = chr(code)
                    except ValueError:
                        pass
        try:
            return table[name.upper()]
        except KeyError:
            raise KeyError("undefined character name '%s'" % name) from None

    unicodedata.lookup = lookup


_gememu_patch_unicodedata()


def _gememu_run(code):
    scope = {'__name__': '__main__', '__builtins__': __builtins__}
    try:
        exec(compile(code, '<string>', 'exec'), scope)
        return None
    except SystemExit as exit_request:
        if exit_request.code is None or exit_request.code == 0:
            return None
        return _gememu_format(exit_request)
    except BaseException as error:
        return _gememu_format(error)
    finally:
        for stream in (sys.stdout, sys.stderr):
            try:
                stream.flush()
            except BaseException:
                pass


def _gememu_format(error):
    frames = error.__traceback__
    while frames is not None and frames.tb_frame.f_code.co_filename != '<string>':
        frames = frames.tb_next
    return ''.join(_traceback.format_exception(type(error), error, frames))
