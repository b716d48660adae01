# Put ahead of both executors' runner scripts (snippet_runner.py, cpython_zygote.py).


def _gemini_traceback(error, runner_file, as_seen_by_the_user=lambda frame: frame):
    """The error as Gemini's sandbox prints it: a traceback that starts at the snippet's own frames
    (code named "<string>"), through its causes and contexts, without the runner's frames."""
    # Imported only on failure: importing traceback doubles the cost of creating a GraalPy context.
    import traceback
    frames = error.__traceback__
    while frames is not None and frames.tb_frame.f_code.co_filename != '<string>':
        frames = frames.tb_next
    report = traceback.TracebackException(type(error), error, frames)
    chain = []
    part = report
    while part is not None and all(part is not seen for seen in chain):
        chain.append(part)
        part = part.__cause__ or part.__context__
    for part in chain:
        part.stack = traceback.StackSummary.from_list(
            [as_seen_by_the_user(frame) for frame in part.stack if frame.filename != runner_file])
    return ''.join(report.format())
