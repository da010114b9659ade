// The golden-file diff (golden.hpp): what a failing [golden] test prints.
#include <catch2/catch.hpp>

#include "golden.hpp"

using parksim::test::unified_diff;

TEST_CASE("the golden diff shows the changed lines with their context", "[golden_diff]") {
  const std::string approved = "a\nb\nc\nd\ne\nf\ng\nh\ni\n";
  CHECK(unified_diff(approved, approved, "x", "y") == "--- x\n+++ y\n");
  CHECK(unified_diff(approved, "a\nb\nc\nD\ne\nf\ng\nh\ni\nj\n", "x", "y") ==
        "--- x\n+++ y\n"
        "@@ -2,5 +2,5 @@\n b\n c\n-d\n+D\n e\n f\n"
        "@@ -8,2 +8,3 @@\n h\n i\n+j\n");
  CHECK(unified_diff("a\nb\n", "b\n", "x", "y") == "--- x\n+++ y\n@@ -1,2 +1,1 @@\n-a\n b\n");
}
