package dev.gememu.executor;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ImportScannerTest {

  @Test
  void readsImportAndFromStatementsWithAliasesAndLists() {
    String code = String.join("\n",
        "import numpy as np, os.path",
        "from matplotlib import pyplot as plt",
        "from . import sibling",
        "def f():",
        "    import scipy.stats",
        "try: import cv2",
        "except ImportError: pass",
        "x = 1; from PIL import Image");

    assertThat(ImportScanner.topLevelModules(code)).containsExactly("numpy", "os", "matplotlib", "scipy", "cv2", "PIL");
  }

  @Test
  void ignoresImportsInStringsAndComments() {
    String code = String.join("\n",
        "# import pandas",
        "doc = '''",
        "import numpy",
        "'''",
        "print(\"from sklearn import svm\")",
        "print(f'import seaborn {1}')",
        "import math");

    assertThat(ImportScanner.topLevelModules(code)).containsExactly("math");
  }

  @Test
  void readsDynamicImportsOfLiteralNames() {
    assertThat(ImportScanner.topLevelModules("m = __import__('pandas')\nimport importlib\nimportlib.import_module(\"sympy.abc\")"))
        .containsExactly("pandas", "importlib", "sympy");
  }
}
