# Warning flags shared by every Upstander target; -Werror only when asked (CI).
function(upstander_warnings target)
  target_compile_options(${target} PRIVATE
    -Wall -Wextra -Wpedantic -Wshadow -Wnon-virtual-dtor -Wold-style-cast
    -Wcast-align -Woverloaded-virtual -Wconversion -Wsign-conversion
    -Wdouble-promotion -Wformat=2 -Wimplicit-fallthrough)
  if(UPSTANDER_WERROR)
    target_compile_options(${target} PRIVATE -Werror)
  endif()
endfunction()
