# vmsweep_module(NAME [MODULES vmsweep_x...] [THIRD_PARTY targets...])
# One static library per architecture module, built from src/NAME/*.cpp, with public headers in
# include/vmsweep/NAME/ and private headers beside the sources.
# Other vmsweep modules are public dependencies; third-party libraries are private, so their
# headers are visible to this module only. That is how "MPI only in dist, oneDNN only in model,
# HDF5 only in io" is enforced by the compiler rather than by review.
function(vmsweep_module name)
  cmake_parse_arguments(ARG "" "" "MODULES;THIRD_PARTY" ${ARGN})
  file(GLOB sources CONFIGURE_DEPENDS "${PROJECT_SOURCE_DIR}/src/${name}/*.cpp")
  if(NOT sources)
    # A module with no code yet is an interface target, so the link graph stays whole.
    add_library(vmsweep_${name} INTERFACE)
    target_include_directories(vmsweep_${name} INTERFACE "${PROJECT_SOURCE_DIR}/include")
    target_link_libraries(vmsweep_${name} INTERFACE ${ARG_MODULES})
    return()
  endif()
  add_library(vmsweep_${name} STATIC ${sources})
  target_include_directories(vmsweep_${name}
    PUBLIC "${PROJECT_SOURCE_DIR}/include" "${PROJECT_BINARY_DIR}/generated"
    PRIVATE "${PROJECT_SOURCE_DIR}/src/${name}")
  target_link_libraries(vmsweep_${name} PUBLIC ${ARG_MODULES} PRIVATE ${ARG_THIRD_PARTY})
  set_target_properties(vmsweep_${name} PROPERTIES POSITION_INDEPENDENT_CODE ON)
endfunction()
